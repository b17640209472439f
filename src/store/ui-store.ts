/**
 * UI state: what is selected, open and toggled. Not part of undo and not saved with the
 * scenario (a reload keeps the scenario, not the tab you were on).
 */
import { create } from 'zustand';

export const TABS = ['Rules', 'DNS', 'Trace', 'kubectl', 'YAML'] as const;
export type Tab = (typeof TABS)[number];

export type RulesFormat = 'save' | 'restore';

export interface UiState {
  readonly tab: Tab;
  /** The node whose rules the Rules tab shows; '' = the first node. */
  readonly rulesNode: string;
  readonly rulesFormat: RulesFormat;
  readonly rulesDiff: boolean;
  /** Canvas ids (see to-flow-elements) to highlight, from hovering a rule or a trace step. */
  readonly highlight: readonly string[];
  /** Rule ids lit by the current trace step. */
  readonly litRules: readonly string[];
  /** Chain to scroll to in the Rules tab, set by a chain-name click. */
  readonly jumpTo: { readonly chain: string; readonly nonce: number } | null;
  readonly sidePanelWidth: number;
  /** The canvas id of the object the edit bar acts on ('' = none). */
  readonly selected: string;
  /** The last edit's outcome, announced in the edit bar. */
  readonly notice: string;
  /** The kubectl tab: which view, namespace (`*` = -A) and Service (`ns/name`) for describe. */
  readonly kubectlView: 'pods' | 'services' | 'endpointslices' | 'describe';
  readonly kubectlNamespace: string;
  readonly kubectlService: string;
  /** The DNS tab's query: source Pod (`ns/name`), the name and the type as typed. */
  readonly dnsPod: string;
  readonly dnsName: string;
  readonly dnsType: string;
  /** Node frames (canvas ids) whose Pods are shown one by one past the grouping threshold. */
  readonly expandedNodes: readonly string[];
  readonly set: (patch: Partial<Omit<UiState, 'set'>>) => void;
}

export const useUi = create<UiState>()((set) => ({
  tab: 'Rules',
  rulesNode: '',
  rulesFormat: 'save',
  rulesDiff: false,
  highlight: [],
  litRules: [],
  jumpTo: null,
  sidePanelWidth: 0,
  selected: '',
  notice: '',
  kubectlView: 'pods',
  kubectlNamespace: 'default',
  kubectlService: '',
  dnsPod: '',
  dnsName: 'nginx.default.svc.cluster.local',
  dnsType: 'A',
  expandedNodes: [],
  set: (patch) => set(patch),
}));
