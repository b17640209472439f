/**
 * Every sentence of the lesson panel's own chrome, in English and Simplified Chinese. The
 * lessons' texts are in src/lessons (each with both languages).
 */
import { currentLanguage, liveStrings } from '../../i18n/index.ts';
export const en = {
  lessons: 'Lessons',
  lessonsTitle: 'Guided lessons',
  pick: 'Pick a lesson. Each loads its own scenario; Undo (Ctrl+Z) brings yours back.',
  allLessons: 'All lessons',
  close: 'Close',
  collapse: 'Show only the title and the step buttons',
  expand: 'Show the whole step',
  stepOf: (i: number, n: number) => `Step ${i} of ${n}`,
  prev: '← Previous',
  next: 'Next →',
  check: 'Check',
  passed: 'Done — the model shows it.',
  notYet: 'Not yet.',
  right: 'Right.',
  wrong: 'Not quite — try again.',
  pickAnswer: 'Pick an answer first.',
  resetStep: 'Reset this step’s scenario',
  task: 'Your task',
  question: 'Question',
  finished: 'Lesson complete.',
  loading: 'Loading the lessons…',
  unknown: (id: string) => `There is no lesson "${id}".`,
  scenarioRejected: 'The lesson’s scenario was rejected by the model:',
};

export type LessonStrings = typeof en;

export const zh: LessonStrings = {
  lessons: '课程',
  lessonsTitle: '引导式课程',
  pick: '选择一门课程。每门课程会加载自己的场景；撤销（Ctrl+Z）可以找回你的场景。',
  allLessons: '全部课程',
  close: '关闭',
  collapse: '只显示标题和翻页按钮',
  expand: '显示完整的步骤',
  stepOf: (i: number, n: number) => `第 ${i} 步，共 ${n} 步`,
  prev: '← 上一步',
  next: '下一步 →',
  check: '检查',
  passed: '完成 —— 模型中已经体现。',
  notYet: '还没有完成。',
  right: '正确。',
  wrong: '不太对 —— 再试一次。',
  pickAnswer: '请先选择一个答案。',
  resetStep: '重置本步骤的场景',
  task: '你的任务',
  question: '问题',
  finished: '课程完成。',
  loading: '正在加载课程…',
  unknown: (id: string) => `没有名为 “${id}” 的课程。`,
  scenarioRejected: '模型拒绝了该课程的场景：',
};

/** English until the i18n switch lands; lessons pick their text with `lang`. */
/**
 * The strings in the language the app shows now (read at render time: the app re-renders on a
 * language switch, see src/i18n).
 */
export const t: LessonStrings = liveStrings({ en, zh });
/** The language lesson texts are shown in now. */
export function lang(): 'en' | 'zh' {
  return currentLanguage();
}
