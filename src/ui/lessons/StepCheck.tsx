/** A step's check: "Check" runs a task's check on the live cluster, or marks a quiz answer. */
import { useState } from 'react';
import type { CheckOutcome, QuizCheck, TaskCheck } from '../../lessons/types.ts';
import { useApplied, useScenario } from '../../store/scenario.ts';
import { useLesson } from './lesson-store.ts';
import { RichText } from './RichText.tsx';
import { lang, t } from './strings.ts';

export function TaskCheckView({ check, stepKey }: { check: TaskCheck; stepKey: string }) {
  const applied = useApplied();
  const [result, setResult] = useState<{ key: string; text: string; outcome: CheckOutcome } | null>(
    null,
  );
  const text = useScenario((s) => s.text);
  // A result belongs to the scenario it was computed on: an edit clears it.
  const shown = result && result.key === stepKey && result.text === text ? result.outcome : null;
  return (
    <div className="lesson-check">
      <button
        type="button"
        className="lesson-check-btn"
        disabled={!applied}
        onClick={() =>
          applied && setResult({ key: stepKey, text, outcome: check.run(applied.cluster) })
        }
        data-testid="lesson-check"
      >
        {t.check}
      </button>
      {shown && (
        <output
          className={shown.passed ? 'lesson-result pass' : 'lesson-result fail'}
          data-testid="lesson-result"
          data-passed={shown.passed}
        >
          <strong>{shown.passed ? `✓ ${t.passed}` : `✗ ${t.notYet}`}</strong>{' '}
          <span className="lesson-observed">
            <RichText text={shown.observed[lang()]} />
          </span>
        </output>
      )}
    </div>
  );
}

export function QuizView({ check, stepKey }: { check: QuizCheck; stepKey: string }) {
  const answers = useLesson((s) => s.answers);
  const set = useLesson((s) => s.set);
  const [chosen, setChosen] = useState<number | null>(null);
  const [checked, setChecked] = useState<string>('');
  const answered = answers[stepKey];
  const isChecked = checked === stepKey && answered !== undefined;
  const right = isChecked && answered === check.answer;
  return (
    <fieldset className="lesson-quiz" data-testid="lesson-quiz">
      <legend>{t.question}</legend>
      {check.choices.map((c, i) => (
        <label key={c.en} className="lesson-choice">
          <input
            type="radio"
            name={`quiz-${stepKey}`}
            checked={(chosen ?? answered) === i}
            onChange={() => setChosen(i)}
            data-testid={`lesson-choice-${i}`}
          />
          <span>
            <RichText text={c[lang()]} />
          </span>
        </label>
      ))}
      <button
        type="button"
        className="lesson-check-btn"
        onClick={() => {
          const pick = chosen ?? answered;
          if (pick === undefined || pick === null) return;
          set({ answers: { ...answers, [stepKey]: pick } });
          setChecked(stepKey);
        }}
        disabled={(chosen ?? answered) === undefined || (chosen ?? answered) === null}
        data-testid="lesson-check"
      >
        {t.check}
      </button>
      {isChecked && (
        <output
          className={right ? 'lesson-result pass' : 'lesson-result fail'}
          data-testid="lesson-result"
          data-passed={right}
        >
          <strong>{right ? `✓ ${t.right}` : `✗ ${t.wrong}`}</strong>
          {right && <RichText text={check.explain[lang()]} />}
        </output>
      )}
    </fieldset>
  );
}
