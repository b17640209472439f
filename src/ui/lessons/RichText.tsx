/** A lesson's text: paragraphs split by blank lines, `code` in backticks. */
export function RichText({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n{2,}/).map((para) => (
        <p key={para}>
          {para.split('`').map((part, i) =>
            i % 2 === 1 ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: parts of a fixed string
              <code key={i}>{part}</code>
            ) : (
              part
            ),
          )}
        </p>
      ))}
    </>
  );
}
