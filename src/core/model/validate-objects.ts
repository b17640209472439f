/**
 * Validation of the other kinds the simulator reads, limited to the fields it uses
 * (ValidateNode, ValidatePodCreate, discovery ValidateEndpointSlice): enough to refuse objects
 * that the engines could not read, with the API server's messages.
 */
import type { FieldError } from './field-error.ts';
import { int, invalid, notSupported, required, str, tooMany } from './field-error.ts';
import { parseIP } from './ip.ts';
import {
  isDNS1123Label,
  isDNS1123Subdomain,
  isValidCIDR,
  isValidIP,
  isValidPortName,
  isValidPortNum,
  specialIPError,
} from './names.ts';
import type { EndpointSlice, Node, Pod } from './types.ts';
import { validateObjectMeta } from './validate-service.ts';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

export function validateNode(node: Node): FieldError[] {
  const errs = validateObjectMeta(node.metadata, false, isDNS1123Subdomain);
  for (const [i, c] of (node.spec?.podCIDRs ?? []).entries())
    for (const m of isValidCIDR(c)) errs.push(invalid(`spec.podCIDRs[${i}]`, str(c), m));
  return errs;
}

export function validatePod(pod: Pod): FieldError[] {
  const errs = validateObjectMeta(pod.metadata, true, isDNS1123Subdomain);
  const containers = pod.spec.containers ?? [];
  if (containers.length === 0) errs.push(required('spec.containers'));
  const names = new Set<string>();
  for (const [i, c] of containers.entries()) {
    const path = `spec.containers[${i}]`;
    if (!c.name) errs.push(required(`${path}.name`));
    else {
      for (const m of isDNS1123Label(c.name)) errs.push(invalid(`${path}.name`, str(c.name), m));
      if (names.has(c.name))
        errs.push({ type: 'Duplicate', field: `${path}.name`, value: str(c.name) });
      names.add(c.name);
    }
    const portNames = new Set<string>();
    for (const [j, p] of (c.ports ?? []).entries()) {
      const pp = `${path}.ports[${j}]`;
      if (p.name) {
        for (const m of isValidPortName(p.name)) errs.push(invalid(`${pp}.name`, str(p.name), m));
        if (portNames.has(p.name))
          errs.push({ type: 'Duplicate', field: `${pp}.name`, value: str(p.name) });
        portNames.add(p.name);
      }
      if (p.containerPort === 0 || p.containerPort === undefined)
        errs.push(required(`${pp}.containerPort`));
      else
        for (const m of isValidPortNum(p.containerPort))
          errs.push(invalid(`${pp}.containerPort`, int(p.containerPort), m));
      const protocol = p.protocol ?? 'TCP';
      if (!PROTOCOLS.includes(protocol))
        errs.push(notSupported(`${pp}.protocol`, str(protocol), PROTOCOLS));
    }
  }
  return errs;
}

export function validateEndpointSlice(slice: EndpointSlice): FieldError[] {
  const errs = validateObjectMeta(slice.metadata, true, isDNS1123Subdomain);
  const type = slice.addressType as string | undefined;
  if (!type) errs.push(required('addressType'));
  else if (!['FQDN', 'IPv4', 'IPv6'].includes(type))
    errs.push(notSupported('addressType', str(type), ['FQDN', 'IPv4', 'IPv6']));
  if (slice.endpoints.length > 1000) errs.push(tooMany('endpoints', slice.endpoints.length, 1000));
  for (const [i, ep] of slice.endpoints.entries()) {
    const path = `endpoints[${i}].addresses`;
    const addresses = ep.addresses ?? [];
    if (addresses.length === 0) errs.push(required(path, 'must contain at least 1 address'));
    else if (addresses.length > 100) errs.push(tooMany(path, addresses.length, 100));
    for (const [j, a] of addresses.entries()) {
      const p = `${path}[${j}]`;
      if (type === 'IPv4' || type === 'IPv6') {
        const bad = isValidIP(a);
        if (bad.length > 0) for (const m of bad) errs.push(invalid(p, str(a), m));
        else if ((parseIP(a)?.family === 6) !== (type === 'IPv6'))
          errs.push(invalid(p, str(a), `must be an ${type} address`));
        else {
          const special = specialIPError(a);
          if (special) errs.push(invalid(p, str(a), special));
        }
      } else if (type === 'FQDN')
        for (const m of isDNS1123Subdomain(a)) errs.push(invalid(p, str(a), m));
    }
  }
  const portNames = new Set<string>();
  for (const [i, p] of (slice.ports ?? []).entries()) {
    const path = `ports[${i}]`;
    const name = p.name ?? '';
    if (name !== '')
      for (const m of isDNS1123Label(name)) errs.push(invalid(`${path}.name`, str(name), m));
    if (portNames.has(name))
      errs.push({ type: 'Duplicate', field: `${path}.name`, value: str(name) });
    portNames.add(name);
    const protocol = p.protocol ?? 'TCP';
    if (!PROTOCOLS.includes(protocol))
      errs.push(notSupported(`${path}.protocol`, str(protocol), PROTOCOLS));
  }
  return errs;
}
