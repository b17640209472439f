/**
 * The lesson panel: the list of lessons, or the open lesson's step with its text, its check and
 * Previous / Next. Loaded on demand with the lessons' data.
 */
import { LESSONS, lessonById } from '../../lessons/index.ts';
import type { Lesson } from '../../lessons/types.ts';
import { useLesson } from './lesson-store.ts';
import { goToStep, stepBy } from './navigate.ts';
import { RichText } from './RichText.tsx';
import { QuizView, TaskCheckView } from './StepCheck.tsx';
import { lang, t } from './strings.ts';
import './lessons.css';

export function LessonDrawer() {
  const lessonId = useLesson((s) => s.lessonId);
  const collapsed = useLesson((s) => s.collapsed);
  const set = useLesson((s) => s.set);
  const lesson = lessonById(lessonId);
  return (
    <aside
      className={collapsed ? 'lesson-drawer lesson-collapsed' : 'lesson-drawer'}
      aria-label={t.lessonsTitle}
      data-testid="lesson-drawer"
    >
      <header className="lesson-head">
        <h2>{lesson ? lesson.title[lang()] : t.lessonsTitle}</h2>
        {lesson && (
          <button
            type="button"
            onClick={() => set({ lessonId: '', step: 0 })}
            data-testid="lesson-all"
          >
            {t.allLessons}
          </button>
        )}
        <button
          type="button"
          onClick={() => set({ collapsed: !collapsed })}
          aria-expanded={!collapsed}
          title={collapsed ? t.expand : t.collapse}
          aria-label={collapsed ? t.expand : t.collapse}
          data-testid="lesson-collapse"
        >
          {collapsed ? '▴' : '▾'}
        </button>
        <button
          type="button"
          onClick={() => set({ open: false })}
          aria-label={t.close}
          data-testid="lesson-close"
        >
          ✕
        </button>
      </header>
      {lesson ? <LessonStepView lesson={lesson} /> : <LessonList unknown={lessonId} />}
    </aside>
  );
}

function LessonList({ unknown }: { unknown: string }) {
  return (
    <div className="lesson-body">
      {unknown && <p role="alert">{t.unknown(unknown)}</p>}
      <p className="lesson-muted">{t.pick}</p>
      <ol className="lesson-list">
        {LESSONS.map((l) => (
          <li key={l.id}>
            <button type="button" onClick={() => goToStep(l.id, 0)} data-testid={`lesson-${l.id}`}>
              <strong>{l.title[lang()]}</strong>
              <span>{l.summary[lang()]}</span>
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}

function LessonStepView({ lesson }: { lesson: Lesson }) {
  const stepIndex = useLesson((s) => s.step);
  const i = Math.max(0, Math.min(lesson.steps.length - 1, stepIndex));
  const step = lesson.steps[i];
  if (!step) return null;
  const key = `${lesson.id}:${i}`;
  const last = i === lesson.steps.length - 1;
  return (
    <>
      <div className="lesson-body" data-testid="lesson-step" data-step={i}>
        <p className="lesson-muted">{t.stepOf(i + 1, lesson.steps.length)}</p>
        <h3>{step.title[lang()]}</h3>
        <RichText text={step.body[lang()]} />
        {step.check?.kind === 'task' && (
          <section aria-label={t.task}>
            <TaskCheckView key={key} check={step.check} stepKey={key} />
          </section>
        )}
        {step.check?.kind === 'quiz' && <QuizView key={key} check={step.check} stepKey={key} />}
        {last && <p className="lesson-muted">{t.finished}</p>}
      </div>
      <footer className="lesson-foot">
        <button
          type="button"
          onClick={() => stepBy(-1)}
          disabled={i === 0}
          data-testid="lesson-prev"
        >
          {t.prev}
        </button>
        <button
          type="button"
          className="lesson-reset"
          onClick={() => goToStep(lesson.id, i, { reload: true })}
          data-testid="lesson-reset"
        >
          {t.resetStep}
        </button>
        <button type="button" onClick={() => stepBy(1)} disabled={last} data-testid="lesson-next">
          {t.next}
        </button>
      </footer>
    </>
  );
}
