/**
 * The scenario text's manifest edits, from the core (src/core/model/manifest-edits.ts): append,
 * replace, remove, set a field, list the objects of a kind. Kept here under their old names so
 * the UI's imports stay as they are.
 */
export type { ObjectRef } from '../core/index.ts';
export {
  appendObject,
  hasObject,
  objectsOfKind,
  removeObjectText as removeObject,
  setField,
} from '../core/index.ts';
