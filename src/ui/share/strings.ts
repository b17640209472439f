/**
 * Every sentence the share, import and export controls show, in English and Simplified Chinese.
 * `t` follows the app's language (src/i18n).
 * Diagnostics from the core (a link's decode error) are shown as the core wrote them.
 */
import { liveStrings } from '../../i18n/index.ts';
export const en = {
  share: 'Share',
  shareTitle: 'Copy a link to this scenario and view',
  making: 'Making the link…',
  copied: 'Link copied to the clipboard.',
  copyByHand: 'Your browser did not allow copying: select the link and copy it (Ctrl+C).',
  copy: 'Copy',
  close: 'Close',
  length: (n: number) => `${n.toLocaleString('en')} characters`,
  warnLong: 'Longer than 2,048 characters: link shorteners and some chat apps cut there.',
  tooLong:
    'Longer than 8,000 characters: many browsers and servers refuse such links. Send the scenario as a file instead.',
  download: 'Download the scenario (.yaml)',
  cannotShare: 'This scenario cannot be shared:',
  linkLabel: 'Share link',
  exportYaml: 'Export YAML',
  importYaml: 'Import YAML',
  exportPng: 'Export PNG',
  exportSvg: 'Export SVG',
  more: 'More',
  importTitle: 'Import YAML',
  importHelp:
    'Paste Kubernetes YAML (documents separated by ---, or the List that kubectl get -o yaml prints), or choose a file.',
  chooseFile: 'Choose a file…',
  importApply: 'Import',
  cancel: 'Cancel',
  imported: (name: string) => `Imported ${name}. Undo (Ctrl+Z) brings back the previous scenario.`,
  importRejected: 'The API server would reject this YAML; nothing was changed:',
  linkOpened: 'Opened the shared scenario. Undo (Ctrl+Z) brings back your previous scenario.',
  linkBroken: 'This link cannot be opened. Your saved scenario is unchanged.',
  linkRejected: 'The link decoded, but its scenario has errors. Your saved scenario is unchanged.',
  dismiss: 'Dismiss',
  exportFailed: 'The canvas could not be exported:',
  openInApp: 'Open in the app ↗',
};

export type ShareStrings = typeof en;

export const zh: ShareStrings = {
  share: '分享',
  shareTitle: '复制指向当前场景和视图的链接',
  making: '正在生成链接…',
  copied: '链接已复制到剪贴板。',
  copyByHand: '浏览器不允许复制：请选中链接后手动复制（Ctrl+C）。',
  copy: '复制',
  close: '关闭',
  length: (n: number) => `${n.toLocaleString('zh-CN')} 个字符`,
  warnLong: '超过 2,048 个字符：短链接服务和部分聊天应用会在这里截断链接。',
  tooLong: '超过 8,000 个字符：许多浏览器和服务器会拒绝这样长的链接。请改为以文件形式发送场景。',
  download: '下载场景文件（.yaml）',
  cannotShare: '无法分享此场景：',
  linkLabel: '分享链接',
  exportYaml: '导出 YAML',
  importYaml: '导入 YAML',
  exportPng: '导出 PNG',
  exportSvg: '导出 SVG',
  more: '更多',
  importTitle: '导入 YAML',
  importHelp:
    '粘贴 Kubernetes YAML（用 --- 分隔的多个文档，或 kubectl get -o yaml 输出的 List），或选择一个文件。',
  chooseFile: '选择文件…',
  importApply: '导入',
  cancel: '取消',
  imported: (name: string) => `已导入 ${name}。撤销（Ctrl+Z）可恢复之前的场景。`,
  importRejected: 'API Server 会拒绝这段 YAML；没有做任何修改：',
  linkOpened: '已打开分享的场景。撤销（Ctrl+Z）可恢复你之前的场景。',
  linkBroken: '无法打开此链接。你保存的场景没有改变。',
  linkRejected: '链接已解码，但其中的场景有错误。你保存的场景没有改变。',
  dismiss: '关闭',
  exportFailed: '无法导出画布：',
  openInApp: '在应用中打开 ↗',
};

/** The strings in the UI's language (English until the i18n switch lands). */
/**
 * The strings in the language the app shows now (read at render time: the app re-renders on a
 * language switch, see src/i18n).
 */
export const t: ShareStrings = liveStrings({ en, zh });
