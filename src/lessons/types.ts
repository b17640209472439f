/**
 * A guided lesson: steps with text, an optional scenario to load, the view to show, and a check
 * the learner must pass. Task checks look at the LIVE model (the cluster the core builds from the
 * learner's scenario), never at the text they typed: a check passes only when the cluster does
 * what the step asks, whichever way the learner got there (the edit bar, the YAML tab, undo).
 *
 * Every sentence is given in English and Simplified Chinese. KUBE-* chain names, field paths and
 * command output stay as they are in both.
 */
import type { Cluster } from '../core/index.ts';

export interface Localized {
  readonly en: string;
  readonly zh: string;
}

export type LessonLanguage = keyof Localized;

/** What the app should show when a step opens (all optional: absent = leave as it is). */
export interface StepView {
  readonly panel?: 'Rules' | 'DNS' | 'Trace' | 'kubectl' | 'YAML';
  /** The node whose rules the Rules tab shows. */
  readonly node?: string;
  /** A packet to send in the Trace tab (`svclab trace` syntax). */
  readonly trace?: { readonly from: string; readonly to: string };
  /** A query for the DNS tab. */
  readonly dns?: { readonly name: string; readonly type: string };
}

export interface CheckOutcome {
  readonly passed: boolean;
  /** What the model shows now, e.g. "a packet to 10.99.62.169:80 can reach 3 Pods". */
  readonly observed: Localized;
}

/** The learner changes the scenario until `run` passes on the live cluster. */
export interface TaskCheck {
  readonly kind: 'task';
  readonly run: (cluster: Cluster) => CheckOutcome;
}

/** A multiple-choice question; `answer` is the index of the right choice. */
export interface QuizCheck {
  readonly kind: 'quiz';
  readonly choices: readonly Localized[];
  readonly answer: number;
  /** Shown once answered (right or wrong): why the right answer is right. */
  readonly explain: Localized;
}

export type StepCheck = TaskCheck | QuizCheck;

export interface LessonStep {
  readonly title: Localized;
  /** Paragraphs separated by blank lines; `code` in backticks is shown as code. */
  readonly body: Localized;
  /** Scenario YAML loaded when the learner enters this step (the first step always has one). */
  readonly scenario?: string;
  readonly view?: StepView;
  readonly check?: StepCheck;
}

export interface Lesson {
  /** Stable: share links carry it. */
  readonly id: string;
  readonly title: Localized;
  readonly summary: Localized;
  readonly steps: readonly LessonStep[];
}

/** The scenario in force at a step: the nearest one at or before it. */
export function scenarioAt(lesson: Lesson, step: number): string {
  for (let i = Math.min(step, lesson.steps.length - 1); i >= 0; i--) {
    const s = lesson.steps[i]?.scenario;
    if (s !== undefined) return s;
  }
  return '';
}
