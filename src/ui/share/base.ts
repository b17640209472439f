/** The app's address without query or fragment: a share link opens the full app. */
export function appBase(): string {
  const { origin, pathname } = window.location;
  return `${origin}${pathname}`;
}
