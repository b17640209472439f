/** The header's "Lessons" toggle, and the drawer it opens (loaded on first use). */
import { lazy, Suspense } from 'react';
import { useLesson } from './lesson-store.ts';
import { t } from './strings.ts';

const LessonDrawer = lazy(() =>
  import('./LessonDrawer.tsx').then((m) => ({ default: m.LessonDrawer })),
);

export function LessonsButton() {
  const open = useLesson((s) => s.open);
  const set = useLesson((s) => s.set);
  return (
    <button
      type="button"
      aria-pressed={open}
      onClick={() => set({ open: !open })}
      data-testid="lessons"
    >
      {t.lessons}
    </button>
  );
}

export function LessonHost() {
  const open = useLesson((s) => s.open);
  if (!open) return null;
  return (
    <Suspense fallback={<aside className="lesson-drawer lesson-muted">{t.loading}</aside>}>
      <LessonDrawer />
    </Suspense>
  );
}
