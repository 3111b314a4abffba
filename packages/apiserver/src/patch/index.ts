export { applyStrategicMergePatch } from './strategic-merge-request.js';
export { MergePatchError, SchemaPatchMeta, strategicMergeMapPatch, type PatchMeta, type PatchSchema, type StrategicMergeOptions } from '@minik/types';
export { UnknownReasonError, unprocessablePatch } from './patch-errors.js';
export {
  defaultInProcessManager,
  fieldManagerFor,
  managerFromUserAgent,
  recordManagedFields,
  schemaTypeOf,
  trackFieldOwnership,
  type OwnershipOptions,
  type WriteSubresource,
} from './field-ownership.js';
export { applyPatchType, parseApplyPatch, patchForce, serverSideApply, serverSideApplyScale, type ApplyOutcome } from './server-side-apply.js';
export { FieldManager, lastAppliedAnnotation, type ApplyResult, type FieldManagerScope } from './managed-fields/field-manager.js';
export { FieldSet } from './managed-fields/field-set.js';
export type { ManagedFieldsEntry } from './managed-fields/managed-fields.js';
