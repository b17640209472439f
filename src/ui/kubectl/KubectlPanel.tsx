import { Waiting } from '../app/Waiting.tsx';

export function KubectlPanel() {
  return <Waiting what="the model's kubectl views" />;
}
