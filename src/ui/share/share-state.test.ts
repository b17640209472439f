import { beforeEach, describe, expect, it } from 'vitest';
import { useTrace } from '../../store/trace-store.ts';
import { useUi } from '../../store/ui-store.ts';
import { useLesson } from '../lessons/lesson-store.ts';
import { applyView, currentView, sendTrace } from './share-state.ts';

describe('the view a share link carries', () => {
  beforeEach(() => {
    useUi.getState().set({ tab: 'Rules', rulesNode: '', selected: '' });
    useTrace.getState().clear();
    useLesson.getState().set({ lessonId: '', step: 0, open: false });
  });

  it('reads the tab, node, selection, trace and lesson step, and restores them', () => {
    useUi.getState().set({ tab: 'DNS', rulesNode: 'node2', selected: 'pod:default/x' });
    useLesson.getState().set({ lessonId: 'nodeport', step: 2 });
    expect(sendTrace('node:node1', '10.99.62.169:80')).toBe(true); // the seed's ClusterIP
    const view = currentView();
    expect(view).toEqual({
      panel: 'DNS',
      node: 'node2',
      selected: 'pod:default/x',
      trace: { from: 'node:node1', to: '10.99.62.169:80', protocol: 'TCP' },
      lesson: { id: 'nodeport', step: 2 },
    });

    useUi.getState().set({ tab: 'Rules', rulesNode: '', selected: '' });
    useTrace.getState().clear();
    useLesson.getState().set({ lessonId: '', step: 0, open: false });
    applyView(view);
    expect(currentView()).toEqual(view);
    expect(useLesson.getState().open).toBe(true);
    expect(useTrace.getState().steps.length).toBeGreaterThan(1);
  });

  it('ignores a panel the app does not have', () => {
    applyView({ panel: 'Nonsense' });
    expect(useUi.getState().tab).toBe('Rules');
  });

  it('an empty view is just the open tab', () => {
    expect(currentView()).toEqual({ panel: 'Rules' });
  });
});
