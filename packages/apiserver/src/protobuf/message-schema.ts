/**
 * The project's own compact description of the Kubernetes protobuf messages we decode.
 *
 * Each message is a block of lines `<number> <jsonName> <goType>`, one per field, in the Go
 * struct's declaration order (which is also the order encoding/json writes them). The type is
 * spelled like the Go field type, because its shape decides what upstream's JSON holds:
 *
 *   string | bool | int32 | int64 | double | bytes | Message | pkg.v1.Message   (element type)
 *   *T            a pointer: emitted whenever it was set, even to a zero value
 *   []T           a repeated field
 *   map[string]T  a map field (protobuf entries {1 key, 2 value})
 *   ...T          an embedded struct inlined into the parent (`json:",inline"`)
 *   trailing ?    the json tag has `omitempty`
 *
 * Field numbers and names are facts of the wire format, taken from the `protobuf:"…"` and
 * `json:"…"` struct tags of k8s.io/api and k8s.io/apimachinery.
 */

/** Protobuf scalar types the Kubernetes messages use. */
export type ScalarType = 'string' | 'bool' | 'int32' | 'int64' | 'double' | 'bytes';

/** One field of a message. */
export interface FieldDescriptor {
  readonly number: number;
  /** The JSON (and proto) field name. */
  readonly name: string;
  /** The Go field name, as gogo-protobuf's error messages print it. */
  readonly goName: string;
  /** A scalar type, or the full name of a message (`core.v1.Container`). */
  readonly type: ScalarType | { readonly message: string };
  readonly cardinality: 'single' | 'repeated' | 'map';
  /** The Go field is a pointer (`*T`): set means emitted, even when zero. */
  readonly pointer: boolean;
  /** The json tag has `omitempty`. */
  readonly omitEmpty: boolean;
  /** An embedded struct whose JSON fields sit in the parent object. */
  readonly inline: boolean;
}

/** One message: its fields in Go declaration order, and by number for decoding. */
export interface MessageDescriptor {
  /** `core.v1.Container`. */
  readonly fullName: string;
  /** `Container`, as gogo-protobuf's error messages print it. */
  readonly name: string;
  readonly fields: readonly FieldDescriptor[];
  readonly byNumber: ReadonlyMap<number, FieldDescriptor>;
}

const scalarTypes: ReadonlySet<string> = new Set<ScalarType>(['string', 'bool', 'int32', 'int64', 'double', 'bytes']);

// Go spells these JSON names with initialisms; gogo-protobuf's messages use the Go name.
const goNames: Readonly<Record<string, string>> = {
  uid: 'UID',
  apiVersion: 'APIVersion',
  apiGroup: 'APIGroup',
  ip: 'IP',
  hostIP: 'HostIP',
  hostIPs: 'HostIPs',
  podIP: 'PodIP',
  podIPs: 'PodIPs',
  clusterIP: 'ClusterIP',
  clusterIPs: 'ClusterIPs',
  externalIPs: 'ExternalIPs',
  loadBalancerIP: 'LoadBalancerIP',
  ipFamilies: 'IPFamilies',
  ipFamilyPolicy: 'IPFamilyPolicy',
  ipMode: 'IPMode',
  dnsPolicy: 'DNSPolicy',
  dnsConfig: 'DNSConfig',
  httpGet: 'HTTPGet',
  httpHeaders: 'HTTPHeaders',
  tcpSocket: 'TCPSocket',
  grpc: 'GRPC',
  tty: 'TTY',
  os: 'OS',
  qosClass: 'QOSClass',
  fsType: 'FSType',
  fsGroup: 'FSGroup',
  fsGroupChangePolicy: 'FSGroupChangePolicy',
  seLinuxOptions: 'SELinuxOptions',
  seLinuxChangePolicy: 'SELinuxChangePolicy',
  ttlSecondsAfterFinished: 'TTLSecondsAfterFinished',
  targetCPUUtilizationPercentage: 'TargetCPUUtilizationPercentage',
  currentCPUUtilizationPercentage: 'CurrentCPUUtilizationPercentage',
  lastState: 'LastTerminationState',
  serviceAccount: 'DeprecatedServiceAccount',
  nfs: 'NFS',
  iscsi: 'ISCSI',
  rbd: 'RBD',
  csi: 'CSI',
  fc: 'FC',
  cephfs: 'CephFS',
  storageos: 'StorageOS',
  scaleIO: 'ScaleIO',
  volumeID: 'VolumeID',
  iqn: 'IQN',
  iscsiInterface: 'ISCSIInterface',
  awsElasticBlockStore: 'AWSElasticBlockStore',
  gcePersistentDisk: 'GCEPersistentDisk',
  pdName: 'PDName',
};

function goNameOf(jsonName: string): string {
  return goNames[jsonName] ?? jsonName.charAt(0).toUpperCase() + jsonName.slice(1);
}

const fieldLine = /^(\d+)\s+(\S+)\s+(\.\.\.)?(\[\]|map\[string\])?(\*)?([A-Za-z][\w.]*?)(\?)?$/;

function parseField(pkg: string, message: string, line: string): FieldDescriptor {
  const match = fieldLine.exec(line);
  if (!match) throw new Error(`protobuf schema ${pkg}.${message}: cannot parse field "${line}"`);
  const [, number, name, inline, collection, pointer, type, omitEmpty] = match;
  const typeName = type!;
  return {
    number: Number(number),
    name: name!,
    goName: goNameOf(name!),
    type: scalarTypes.has(typeName) ? (typeName as ScalarType) : { message: typeName.includes('.') ? typeName : `${pkg}.${typeName}` },
    cardinality: collection === '[]' ? 'repeated' : collection === undefined ? 'single' : 'map',
    pointer: pointer !== undefined,
    omitEmpty: omitEmpty !== undefined,
    inline: inline !== undefined,
  };
}

/** Parses one package's message blocks into descriptors keyed by full name. */
export function defineMessages(pkg: string, blocks: Readonly<Record<string, string>>): Map<string, MessageDescriptor> {
  const result = new Map<string, MessageDescriptor>();
  for (const [name, block] of Object.entries(blocks)) {
    const fields = block
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => parseField(pkg, name, line));
    const byNumber = new Map<number, FieldDescriptor>();
    for (const field of fields) {
      if (byNumber.has(field.number)) throw new Error(`protobuf schema ${pkg}.${name}: field number ${field.number} used twice`);
      byNumber.set(field.number, field);
    }
    result.set(`${pkg}.${name}`, { fullName: `${pkg}.${name}`, name, fields, byNumber });
  }
  return result;
}

/** The message type of a field, or undefined for scalars. */
export function messageTypeOf(field: FieldDescriptor): string | undefined {
  return typeof field.type === 'string' ? undefined : field.type.message;
}
