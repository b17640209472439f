/** The header's sharing and teaching controls: Share, More (export/import), Lessons, Present. */
import { LessonsButton } from '../lessons/LessonsButton.tsx';
import { FileMenu } from '../share/FileMenu.tsx';
import { ShareButton } from '../share/ShareButton.tsx';
import { PresentButton } from './Presenter.tsx';

export function TeachBar() {
  return (
    <nav className="teach-bar" aria-label="Share and teach">
      <LessonsButton />
      <PresentButton />
      <ShareButton />
      <FileMenu />
    </nav>
  );
}
