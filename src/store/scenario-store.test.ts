import { describe, expect, it } from 'vitest';
import { EMPTY_SCENARIO, SEED_EXAMPLE_ID } from './examples.ts';
import { createScenarioStore, type KeyValueStorage, STORAGE_KEY } from './scenario-store.ts';

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
  };
}

describe('scenario store', () => {
  it('starts on the seed example when nothing is saved', () => {
    const store = createScenarioStore(memoryStorage());
    expect(store.getState().exampleId).toBe(SEED_EXAMPLE_ID);
  });

  it('undoes and redoes text changes', () => {
    const store = createScenarioStore(memoryStorage());
    const first = store.getState().text;
    store.getState().setText('a: 1\n');
    store.getState().setText('a: 2\n');
    store.temporal.getState().undo();
    expect(store.getState().text).toBe('a: 1\n');
    store.temporal.getState().undo();
    expect(store.getState().text).toBe(first);
    store.temporal.getState().redo();
    expect(store.getState().text).toBe('a: 1\n');
  });

  it('does not record a change that leaves the text as it was', () => {
    const store = createScenarioStore(memoryStorage());
    store.getState().setText(store.getState().text);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });

  it('saves every change and restores it in a new store (a reload)', () => {
    const storage = memoryStorage();
    const store = createScenarioStore(storage);
    store.getState().setText('kind: Node\n');
    expect(JSON.parse(storage.data.get(STORAGE_KEY) ?? '{}').text).toBe('kind: Node\n');
    const reloaded = createScenarioStore(storage);
    expect(reloaded.getState().text).toBe('kind: Node\n');
  });

  it('"New" empties the scenario and "Reset" goes back to the seed', () => {
    const store = createScenarioStore(memoryStorage());
    const seed = store.getState().text;
    store.getState().newScenario();
    expect(store.getState().text).toBe(EMPTY_SCENARIO);
    expect(store.getState().exampleId).toBeNull();
    store.getState().resetToExample();
    expect(store.getState().text).toBe(seed);
  });

  it('ignores a corrupt saved value', () => {
    const storage = memoryStorage();
    storage.setItem(STORAGE_KEY, '{not json');
    expect(createScenarioStore(storage).getState().exampleId).toBe(SEED_EXAMPLE_ID);
  });
});
