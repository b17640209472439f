/**
 * Where the learner is: which lesson, which step, and what they answered. Small and eager (the
 * lesson texts and checks load on demand with the drawer); share links carry `{id, step}`.
 */
import { create } from 'zustand';

export interface LessonProgress {
  /** '' = no lesson open. */
  readonly lessonId: string;
  readonly step: number;
  /** The lesson picker / drawer is shown. */
  readonly open: boolean;
  /** Only the drawer's title and Previous / Next show, so the canvas behind it is visible. */
  readonly collapsed: boolean;
  /** `lessonId:step` → the chosen answer of a quiz. */
  readonly answers: Readonly<Record<string, number>>;
  readonly set: (patch: Partial<Omit<LessonProgress, 'set'>>) => void;
}

export const useLesson = create<LessonProgress>()((set) => ({
  lessonId: '',
  step: 0,
  open: false,
  collapsed: false,
  answers: {},
  set: (patch) => set(patch),
}));
