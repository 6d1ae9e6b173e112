import type { Segment } from '../model/path';
import { Unknown } from '../model/unknown';
import { isObject } from '../model/object';
import { numeric } from './numeric';

/** Ports a mapping uses on one side (container or host): one port, or a range from a containerPortRange. */
export interface PortUse {
  first: number;
  last: number;
  /** The member that gives the ports, where a finding about them belongs. */
  field: 'containerPort' | 'containerPortRange' | 'hostPort';
  range: boolean;
}

/** One port mapping of one container, in the order the task definition lists them. */
export interface MappingRef {
  container: number;
  index: number;
  mapping: Record<string, unknown>;
  /** Path of the mapping in the normalised task definition. */
  path: Segment[];
}

const RANGE = /^(\d+)-(\d+)$/;

/** A containerPortRange "first-last" as written (no check of its bounds), or undefined for anything else. */
export function parsePortRange(text: unknown): { first: number; last: number } | undefined {
  if (typeof text !== 'string') return undefined;
  const m = RANGE.exec(text);
  return m ? { first: Number(m[1]), last: Number(m[2]) } : undefined;
}

/** A whole port number: a JSON number, or the digit string CloudFormation accepts; otherwise undefined. */
export function portNumber(value: unknown): number | undefined {
  const n = numeric(value);
  return n !== undefined && Number.isInteger(n) ? n : undefined;
}

/**
 * The transport protocol as ECS applies it: `udp`, or `tcp` for an omitted protocol and, as the API
 * says, for any other value. An Unknown protocol gives undefined: the mapping cannot be compared.
 */
export function protocolOf(mapping: Record<string, unknown>): 'tcp' | 'udp' | undefined {
  const p = mapping.protocol;
  if (p instanceof Unknown) return undefined;
  return p === 'udp' ? 'udp' : 'tcp';
}

/** The container ports a mapping uses: its containerPort, or else its containerPortRange when that is well formed. */
export function containerPorts(mapping: Record<string, unknown>): PortUse | undefined {
  if (mapping.containerPort !== undefined && mapping.containerPort !== null) {
    const p = portNumber(mapping.containerPort);
    return p === undefined ? undefined : { first: p, last: p, field: 'containerPort', range: false };
  }
  const r = parsePortRange(mapping.containerPortRange);
  return r && r.first <= r.last ? { ...r, field: 'containerPortRange', range: true } : undefined;
}

/**
 * The static host port a mapping claims on the instance: a hostPort above 0, or, in the host network
 * mode (where the container's port is the host's), its containerPort when hostPort is left out. A
 * hostPort of 0 or none in bridge mode is dynamic and claims nothing in advance.
 */
export function staticHostPort(mapping: Record<string, unknown>, networkMode: string | undefined): PortUse | undefined {
  const given = mapping.hostPort;
  if (given instanceof Unknown) return undefined;
  if (given !== undefined && given !== null) {
    const h = portNumber(given);
    if (h !== undefined && h > 0) return { first: h, last: h, field: 'hostPort', range: false };
    if (h === undefined || networkMode !== 'host') return undefined;
  }
  if (networkMode !== 'host') return undefined;
  const c = containerPorts(mapping);
  return c && !c.range ? c : undefined;
}

/** Every port mapping that is a plain object, container by container; Unknown lists and items are skipped. */
export function portMappings(document: Record<string, unknown>): MappingRef[] {
  const out: MappingRef[] = [];
  const containers = document.containerDefinitions;
  if (!Array.isArray(containers)) return out;
  containers.forEach((c, ci) => {
    if (!isObject(c) || !Array.isArray(c.portMappings)) return;
    c.portMappings.forEach((m: unknown, mi: number) => {
      if (isObject(m)) out.push({ container: ci, index: mi, mapping: m, path: ['containerDefinitions', ci, 'portMappings', mi] });
    });
  });
  return out;
}

/** A container as messages name it: its name, or its position when it has no plain name. */
export function containerLabel(document: Record<string, unknown>, index: number): string {
  const containers = document.containerDefinitions;
  const c = Array.isArray(containers) ? containers[index] : undefined;
  const name = isObject(c) ? c.name : undefined;
  return typeof name === 'string' ? name : `#${index + 1}`;
}

/** "80" or "8000-8010". */
export function showPorts(first: number, last: number): string {
  return first === last ? String(first) : `${first}-${last}`;
}
