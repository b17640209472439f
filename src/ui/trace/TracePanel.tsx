import { Waiting } from '../app/Waiting.tsx';

export function TracePanel() {
  return <Waiting what="the packet walk" />;
}
