export function EditBar() {
  return <div className="edit-bar" />;
}
