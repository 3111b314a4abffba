import { defineMessages } from '../message-schema.js';

/*
 * k8s.io/apimachinery messages: the object envelope (pkg/runtime), object metadata
 * (pkg/apis/meta/v1), IntOrString (pkg/util/intstr) and Quantity (pkg/api/resource).
 * Time, MicroTime, IntOrString, Quantity, FieldsV1 and RawExtension have custom JSON forms
 * (see go-json.ts); their blocks describe only the wire shape.
 */

/** k8s.io/apimachinery/pkg/runtime: the envelope of every protobuf body. */
export const runtimeMessages = defineMessages('runtime', {
  // The `k8s\0`-prefixed envelope every protobuf body carries.
  Unknown: `
    1 typeMeta TypeMeta
    2 raw bytes
    3 contentEncoding string
    4 contentType string
  `,
  TypeMeta: `
    1 apiVersion string?
    2 kind string?
  `,
  RawExtension: `
    1 raw bytes
  `,
});

/** k8s.io/apimachinery/pkg/apis/meta/v1: object metadata, selectors, conditions and times. */
export const metaV1Messages = defineMessages('meta.v1', {
  ObjectMeta: `
    1 name string?
    2 generateName string?
    3 namespace string?
    4 selfLink string?
    5 uid string?
    6 resourceVersion string?
    7 generation int64?
    8 creationTimestamp Time?
    9 deletionTimestamp *Time?
    10 deletionGracePeriodSeconds *int64?
    11 labels map[string]string?
    12 annotations map[string]string?
    13 ownerReferences []OwnerReference?
    14 finalizers []string?
    17 managedFields []ManagedFieldsEntry?
  `,
  OwnerReference: `
    5 apiVersion string
    1 kind string
    3 name string
    4 uid string
    6 controller *bool?
    7 blockOwnerDeletion *bool?
  `,
  ManagedFieldsEntry: `
    1 manager string?
    2 operation string?
    3 apiVersion string?
    4 time *Time?
    6 fieldsType string?
    7 fieldsV1 *FieldsV1?
    8 subresource string?
  `,
  FieldsV1: `
    1 raw bytes
  `,
  LabelSelector: `
    1 matchLabels map[string]string?
    2 matchExpressions []LabelSelectorRequirement?
  `,
  LabelSelectorRequirement: `
    1 key string
    2 operator string
    3 values []string?
  `,
  FieldSelectorRequirement: `
    1 key string
    2 operator string
    3 values []string?
  `,
  Condition: `
    1 type string
    2 status string
    3 observedGeneration int64?
    4 lastTransitionTime Time
    5 reason string
    6 message string
  `,
  // google.protobuf.Timestamp-shaped; JSON is RFC 3339 (seconds) or null.
  Time: `
    1 seconds int64
    2 nanos int32
  `,
  // Same wire shape as Time; JSON is RFC 3339 with microseconds or null.
  MicroTime: `
    1 seconds int64
    2 nanos int32
  `,
});

/** k8s.io/apimachinery/pkg/util/intstr. */
export const intstrMessages = defineMessages('intstr', {
  // JSON is the number (type 0) or the string (type 1).
  IntOrString: `
    1 type int64
    2 intVal int32
    3 strVal string
  `,
});

/** k8s.io/apimachinery/pkg/api/resource. */
export const resourceMessages = defineMessages('resource', {
  // JSON is the canonical string itself.
  Quantity: `
    1 string string
  `,
});
