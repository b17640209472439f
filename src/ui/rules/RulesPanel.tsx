import { useVirtualizer } from '@tanstack/react-virtual';
import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import type { Cluster } from '../../core/index.ts';
import { useT } from '../../i18n/index.ts';
import type { NodeRules } from '../../store/core-api.ts';
import { rulesOf } from '../../store/derived.ts';
import {
  applied as appliedOf,
  previousText,
  useApplied,
  useScenario,
} from '../../store/scenario.ts';
import { useUi } from '../../store/ui-store.ts';
import { Waiting } from '../app/Waiting.tsx';
import { canvasIdsOf } from './object-ids.ts';
import { chainKind, diffLines, type RuleLine, toRuleLines } from './rule-lines.ts';

type Row =
  | {
      readonly type: 'line';
      readonly line: RuleLine;
      readonly index: number;
      readonly added: boolean;
      /** For the first rule of a run of one chain's rules: how many rules the run has. */
      readonly run: number;
    }
  | { readonly type: 'removed'; readonly text: string };

const ROW_HEIGHT = 20;

function rulesFor(cluster: Cluster | undefined, node: string): NodeRules | null {
  return cluster ? rulesOf(cluster, node) : null;
}

/** A rule line with KUBE-* names coloured by kind; chain names after -j are links. */
function LineText({ text, onJump }: { text: string; onJump: (chain: string) => void }) {
  const t = useT();
  const parts = text.split(/(KUBE-[A-Z0-9-]+)/);
  return (
    <>
      {parts.map((p, i) =>
        p.startsWith('KUBE-') ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed line
          <Fragment key={i}>
            {i > 0 && / -[jg] $/.test(parts[i - 1] ?? '') ? (
              <button
                type="button"
                className={`chain-link chain-${chainKind(p)}`}
                onClick={() => onJump(p)}
                title={t('rules.jumpTo', { chain: p })}
              >
                {p}
              </button>
            ) : (
              <span className={`chain-${chainKind(p)}`}>{p}</span>
            )}
          </Fragment>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed line
          <Fragment key={i}>{p}</Fragment>
        ),
      )}
    </>
  );
}

export function RulesPanel() {
  const t = useT();
  const applied = useApplied();
  const text = useScenario((s) => s.text);
  const ui = useUi();
  const nodes = applied?.cluster.nodes.map((n) => n.metadata.name ?? '') ?? [];
  const node = nodes.includes(ui.rulesNode) ? ui.rulesNode : (nodes[0] ?? '');
  const rules = useMemo(() => rulesFor(applied?.cluster, node), [applied, node]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: previousText() changes exactly when text does
  const before = useMemo(() => {
    const prev = previousText();
    // appliedOf keeps the last few texts, so this does not evict the current one.
    const prevApplied = prev === null ? null : appliedOf(prev);
    return prevApplied ? rulesFor(prevApplied.cluster, node) : null;
  }, [text, node]);
  const [folded, setFolded] = useState<ReadonlySet<string>>(new Set());
  const [hovered, setHovered] = useState<string>('');

  const printed = rules ? (ui.rulesFormat === 'save' ? rules.save : rules.restore) : '';
  const ruleset = rules
    ? ui.rulesFormat === 'save'
      ? rules.saveRuleset
      : rules.restoreRuleset
    : null;
  const lines = useMemo(() => toRuleLines(printed, ruleset), [printed, ruleset]);
  const diff = useMemo(() => {
    if (!before) return null;
    const old = ui.rulesFormat === 'save' ? before.save : before.restore;
    return diffLines(
      toRuleLines(old, null).map((l) => l.text),
      lines.map((l) => l.text),
    );
  }, [before, lines, ui.rulesFormat]);

  const rows = useMemo(() => {
    const out: Row[] = [];
    const removedAfter = new Map<number, string[]>();
    if (diff && ui.rulesDiff)
      for (const r of diff.removed)
        removedAfter.set(r.after, [...(removedAfter.get(r.after) ?? []), r.text]);
    for (const r of removedAfter.get(-1) ?? []) out.push({ type: 'removed', text: r });
    const sameRun = (a: RuleLine | undefined, b: RuleLine) =>
      a !== undefined && a.kind === 'rule' && a.table === b.table && a.chain === b.chain;
    lines.forEach((line, index) => {
      const first = line.kind === 'rule' && !sameRun(lines[index - 1], line);
      let run = 0;
      if (first) while (sameRun(lines[index + run], line)) run++;
      // A folded chain keeps its first rule visible (with the fold control) and hides the rest.
      const hidden = line.kind === 'rule' && !first && folded.has(`${line.table}|${line.chain}`);
      if (!hidden)
        out.push({ type: 'line', line, index, added: diff?.added.has(index) ?? false, run });
      for (const r of removedAfter.get(index) ?? []) out.push({ type: 'removed', text: r });
    });
    return out;
  }, [lines, diff, folded, ui.rulesDiff]);

  const scroller = useRef<HTMLElement>(null);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });

  const jump = (chain: string) => {
    const i = rows.findIndex(
      (r) => r.type === 'line' && r.line.kind === 'rule' && r.line.chain === chain,
    );
    const j =
      i >= 0
        ? i
        : rows.findIndex(
            (r) => r.type === 'line' && r.line.kind === 'chain' && r.line.chain === chain,
          );
    if (j >= 0) {
      virtual.scrollToIndex(j, { align: 'start' });
      ui.set({ jumpTo: { chain, nonce: Date.now() } });
    }
  };

  // Open on the nat table, where the Service chains are, whenever the node or format changes.
  const natRow = rows.findIndex((r) => r.type === 'line' && r.line.text === '*nat');
  const opened = useRef('');
  useEffect(() => {
    const key = `${node}|${ui.rulesFormat}`;
    if (natRow >= 0 && opened.current !== key) {
      opened.current = key;
      virtual.scrollToIndex(natRow, { align: 'start' });
    }
  }, [natRow, node, ui.rulesFormat, virtual]);

  const chainNames = useMemo(
    () => [
      ...new Set(
        lines
          .filter((l) => l.kind === 'rule' && l.chain?.startsWith('KUBE-'))
          .map((l) => `${l.table} ${l.chain}`),
      ),
    ],
    [lines],
  );
  const goTo = (value: string) => {
    const [table, chain] = value.split(' ');
    const i = rows.findIndex(
      (r) =>
        r.type === 'line' &&
        (chain === undefined
          ? r.line.text === `*${table}`
          : r.line.kind === 'rule' && r.line.table === table && r.line.chain === chain),
    );
    if (i >= 0) virtual.scrollToIndex(i, { align: 'start' });
  };

  // Scroll the first lit rule (the trace's current step) into view.
  const lit = new Set(ui.litRules);
  const firstLit = rows.findIndex(
    (r) => r.type === 'line' && r.line.rule !== null && lit.has(r.line.rule.id),
  );
  useEffect(() => {
    if (firstLit >= 0) virtual.scrollToIndex(firstLit, { align: 'center' });
  }, [firstLit, virtual]);

  const added = diff?.added.size ?? 0;
  const removed = diff?.removed.length ?? 0;

  return (
    <div className="rules">
      <div className="toolbar">
        <label className="field-inline">
          <span>{t('rules.node')}</span>
          <select
            data-testid="rules-node"
            value={node}
            onChange={(e) => ui.set({ rulesNode: e.target.value })}
          >
            {nodes.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        <fieldset className="segmented" aria-label={t('rules.format')}>
          <label>
            <input
              type="radio"
              name="rules-format"
              checked={ui.rulesFormat === 'save'}
              onChange={() => ui.set({ rulesFormat: 'save' })}
              data-testid="format-save"
            />
            iptables-save
          </label>
          <label>
            <input
              type="radio"
              name="rules-format"
              checked={ui.rulesFormat === 'restore'}
              onChange={() => ui.set({ rulesFormat: 'restore' })}
              data-testid="format-restore"
            />
            {t('rules.restore')}
          </label>
        </fieldset>
        <label className="field-inline">
          <input
            type="checkbox"
            checked={ui.rulesDiff}
            onChange={(e) => ui.set({ rulesDiff: e.target.checked })}
            data-testid="rules-diff"
          />
          <span>{t('rules.diff')}</span>
        </label>
        <label className="field-inline">
          <span>{t('rules.goTo')}</span>
          <select
            value=""
            onChange={(e) => e.target.value && goTo(e.target.value)}
            data-testid="rules-goto"
          >
            <option value="">{t('rules.goToPlaceholder')}</option>
            {[...new Set(lines.filter((l) => l.kind === 'table').map((l) => l.table))].map((tb) => (
              <option key={tb} value={tb}>
                *{tb}
              </option>
            ))}
            {chainNames.map((c) => (
              <option key={c} value={c}>
                {c.replace(' ', ': ')}
              </option>
            ))}
          </select>
        </label>
        {diff && (
          <span className="diff-summary" data-testid="diff-summary">
            {t('rules.lastEdit')} <span className="added-count">+{added}</span>{' '}
            <span className="removed-count">−{removed}</span>
          </span>
        )}
      </div>
      {!rules ? (
        <Waiting what={t('rules.waiting')} />
      ) : (
        <section
          ref={scroller}
          className="rules-scroll mono"
          data-testid="rules-view"
          aria-label={t(
            ui.rulesFormat === 'save' ? 'rules.viewLabelSave' : 'rules.viewLabelRestore',
            {
              node,
            },
          )}
        >
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {virtual.getVirtualItems().map((v) => {
              const row = rows[v.index];
              if (!row) return null;
              const style = { transform: `translateY(${v.start}px)`, height: ROW_HEIGHT } as const;
              if (row.type === 'removed')
                return (
                  <div
                    key={v.key}
                    className="rule-line rule-removed"
                    style={style}
                    data-testid="rule-removed"
                  >
                    <span className="diff-sign">
                      −<span className="sr-only">{t('rules.removed')}</span>
                    </span>
                    {row.text}
                  </div>
                );
              const { line } = row;
              const foldKey = `${line.table}|${line.chain}`;
              const isLit = line.rule !== null && lit.has(line.rule.id);
              return (
                // biome-ignore lint/a11y/noStaticElementInteractions: hover only explains; the text is also in the title
                <div
                  key={v.key}
                  className={[
                    'rule-line',
                    `rule-${line.kind}`,
                    row.added ? 'rule-added' : '',
                    isLit ? 'rule-lit' : '',
                  ].join(' ')}
                  style={style}
                  data-chain={line.chain ?? undefined}
                  data-rule-id={line.rule?.id}
                  data-testid={line.kind === 'rule' ? 'rule-line' : undefined}
                  title={line.rule?.provenance.sentence}
                  onMouseEnter={() => {
                    if (!line.rule || !applied) return;
                    setHovered(line.rule.provenance.sentence);
                    ui.set({
                      highlight: canvasIdsOf(applied.cluster, line.rule.provenance.sources),
                    });
                  }}
                  onMouseLeave={() => {
                    if (!line.rule) return;
                    setHovered('');
                    ui.set({ highlight: [] });
                  }}
                >
                  {ui.rulesDiff && (
                    <span className="diff-sign">
                      {row.added ? '+' : ' '}
                      {row.added && <span className="sr-only">{t('rules.added')}</span>}
                    </span>
                  )}
                  {row.run > 1 ? (
                    <button
                      type="button"
                      className="fold"
                      aria-expanded={!folded.has(foldKey)}
                      aria-label={t(folded.has(foldKey) ? 'rules.unfold' : 'rules.fold', {
                        chain: line.chain ?? '',
                      })}
                      onClick={() => {
                        const next = new Set(folded);
                        if (next.has(foldKey)) next.delete(foldKey);
                        else next.add(foldKey);
                        setFolded(next);
                      }}
                    >
                      {folded.has(foldKey) ? '▸' : '▾'}
                    </button>
                  ) : (
                    <span className="fold-space" />
                  )}
                  <LineText text={line.text} onJump={jump} />
                  {row.run > 1 && folded.has(foldKey) && (
                    <span className="folded-note">
                      {' '}
                      {t('rules.moreRules', { count: row.run - 1 })}
                    </span>
                  )}
                </div>
              );
            })}
          </div>
        </section>
      )}
      <p className="rule-why" aria-live="polite" data-testid="rule-why">
        {hovered || t('rules.hoverHint')}
      </p>
    </div>
  );
}
