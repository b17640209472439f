/** Saves a Blob or data: URL as a file through a temporary link (works in every browser). */
export function download(name: string, data: Blob | string): void {
  const href = typeof data === 'string' ? data : URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  if (typeof data !== 'string') setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

export function downloadYaml(name: string, text: string): void {
  download(name, new Blob([text], { type: 'application/yaml' }));
}
