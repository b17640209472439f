import { Waiting } from '../app/Waiting.tsx';

export function DnsPanel() {
  return <Waiting what="the DNS responder and dig formatter" />;
}
