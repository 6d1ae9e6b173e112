/**
 * Task size values as ECS reads them. The API takes task `cpu` and `memory` as strings of CPU units
 * or MiB ("1024"), or of vCPUs or GB with a case-insensitive unit ("1 vCPU", "0.5 vcpu", "2GB");
 * CloudFormation also accepts plain numbers. Container-level sizes are integers (CloudFormation
 * templates may quote them).
 */

export type SizeKind = 'cpu' | 'memory';

/** Units per vCPU (CPU units) and MiB per GB, as ECS converts them at registration. */
const FACTOR: Record<SizeKind, number> = { cpu: 1024, memory: 1024 };

const NUMBER = '(?:\\d+(?:\\.\\d*)?|\\.\\d+)';
const WITH_UNIT: Record<SizeKind, RegExp> = {
  cpu: new RegExp(`^(${NUMBER})\\s*vcpu$`, 'i'),
  memory: new RegExp(`^(${NUMBER})\\s*gb$`, 'i'),
};

/** The base-unit amount (CPU units or MiB) a task-level value stands for, or undefined if it is not one. */
export function parseTaskSize(value: unknown, kind: SizeKind): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const m = WITH_UNIT[kind].exec(text);
  return m ? Number(m[1]) * FACTOR[kind] : undefined;
}

/** A container-level integer size (cpu, memory, memoryReservation), quoted or not; undefined otherwise. */
export function parseInteger(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
  return undefined;
}

export const UNIT_NAME: Record<SizeKind, string> = { cpu: 'CPU units', memory: 'MiB' };
