// The schema reader strategic merge patch uses lives in @minik/types so that clients (minikctl's
// client-side apply) compute patches from the same merge keys the server applies them with.
export { SchemaPatchMeta, type PatchMeta, type PatchSchema } from '@minik/types';
