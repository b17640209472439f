/** Every sentence of presentation and embed mode, in English and Simplified Chinese. */
import { liveStrings } from '../../i18n/index.ts';
export const en = {
  present: 'Present',
  presentTitle:
    'Presentation mode: large type, no chrome; ← → or a clicker step through the lesson or the trace',
  exit: 'Exit (Esc)',
  keysHint: '← → / PageUp PageDown: step · C: canvas only · Esc: exit',
  canvasOnly: 'Canvas only (C)',
  openInApp: 'Open in the app ↗',
  embedLabel: 'k8s-service-lab (read-only view)',
};

export type PresentStrings = typeof en;

export const zh: PresentStrings = {
  present: '演示',
  presentTitle: '演示模式：大字号、无多余界面；用 ← → 或翻页笔逐步浏览课程或数据包追踪',
  exit: '退出（Esc）',
  keysHint: '← → / PageUp PageDown：前后翻步 · C：只显示画布 · Esc：退出',
  canvasOnly: '只显示画布（C）',
  openInApp: '在应用中打开 ↗',
  embedLabel: 'k8s-service-lab（只读视图）',
};

/**
 * The strings in the language the app shows now (read at render time: the app re-renders on a
 * language switch, see src/i18n).
 */
export const t: PresentStrings = liveStrings({ en, zh });
