/**
 * intstr.GetScaledValueFromIntOrPercent: an integer as is, or a percentage of `total`, rounded up
 * or down. Throws on a malformed percentage (validation rejects those before they get here).
 */
export function scaledValueFromIntOrPercent(value: number | string | undefined, total: number, roundUp: boolean): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  const match = /^(\d+)%$/.exec(value);
  if (!match) throw new Error(`invalid value for IntOrString: invalid value "${value}": must be an integer or percentage (e.g '5%')`);
  const scaled = (Number(match[1]) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}
