import { useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { addComment } from '../../doc/commands';
import { useBoardSession } from '../../hooks/useBoardSession';
import { usePeers } from '../../hooks/usePeers';
import { useT } from '../../hooks/useT';
import { useWorkshop } from '../../hooks/useWorkshop';
import { type Mentionable, insertMention, mentionQuery, mentionSuggestions } from '../../model/comments';
import { TEXT_LIMITS } from '../../model/limits';
import { useUiStore } from '../../store';

const LISTBOX_ID = 'mention-suggestions';

/**
 * Writing a comment. Typing "@" offers the people on the board (and who wrote in it) by name;
 * arrows choose, Enter or Tab picks, Escape closes the list. Ctrl+Enter sends.
 */
export function CommentForm({ targetId, children }: { targetId: string; children?: ReactNode }) {
  const t = useT();
  const { doc } = useBoardSession();
  const peers = usePeers();
  const { comments } = useWorkshop();
  const me = useUiStore((s) => s.identity);
  const [draft, setDraft] = useState('');
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  // The "@" whose suggestions were closed with Escape: they stay closed until another one.
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  // Where the caret goes once a picked mention is in the field: set in the same commit, before
  // the next keystroke can land anywhere else (a frame later, a fast typist's letters would).
  const caretAfterPick = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (caretAfterPick.current === null) return;
    field.current?.setSelectionRange(caretAfterPick.current, caretAfterPick.current);
    caretAfterPick.current = null;
  });
  const people = useMemo(() => {
    const byId = new Map<string, Mentionable>();
    for (const c of comments) byId.set(c.authorId, { id: c.authorId, name: c.authorName });
    // Who is here now comes last, so their current name wins.
    for (const p of peers) byId.set(p.id, { id: p.id, name: p.name });
    byId.delete(me.id);
    return [...byId.values()];
  }, [comments, peers, me.id]);
  const query = mentionQuery(draft, caret);
  const suggestions = query && query.start !== dismissedAt ? mentionSuggestions(query.query, people) : [];
  const listOpen = suggestions.length > 0;
  const current = Math.min(active, suggestions.length - 1);

  const edit = (text: string, at: number) => {
    setDraft(text);
    setCaret(at);
    setActive(0);
  };
  const pick = (person: Mentionable) => {
    if (!query) return;
    const next = insertMention(draft, query, caret, person.name);
    caretAfterPick.current = next.caret;
    edit(next.text, next.caret);
    field.current?.focus();
  };
  const send = () => {
    if (addComment(doc, targetId, me, draft, [...people, { id: me.id, name: me.name }])) edit('', 0);
  };
  return (
    <form
      className="comment-form"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <div className="mention-field">
        <textarea
          ref={field}
          aria-label={t('comments.placeholder')}
          placeholder={t('comments.placeholder')}
          value={draft}
          maxLength={TEXT_LIMITS.comment}
          aria-autocomplete="list"
          aria-controls={listOpen ? LISTBOX_ID : undefined}
          aria-expanded={listOpen}
          aria-activedescendant={listOpen ? `${LISTBOX_ID}-${current}` : undefined}
          onChange={(e) => edit(e.target.value, e.target.selectionStart)}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
          onKeyDown={(e) => {
            if (listOpen && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
              e.preventDefault();
              setActive((current + (e.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length);
            } else if (listOpen && (e.key === 'Enter' || e.key === 'Tab') && !e.ctrlKey && !e.metaKey) {
              e.preventDefault();
              pick(suggestions[current]!);
            } else if (listOpen && e.key === 'Escape') {
              // Closes the list only, not the side panel around it.
              e.preventDefault();
              e.stopPropagation();
              setDismissedAt(query?.start ?? null);
            } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) send();
          }}
        />
        {listOpen && (
          <ul id={LISTBOX_ID} className="mention-suggestions" role="listbox" aria-label={t('comments.mentionPeople')}>
            {suggestions.map((p, i) => (
              <li
                key={p.id}
                id={`${LISTBOX_ID}-${i}`}
                role="option"
                aria-selected={i === current}
                className="mention-suggestions__option"
                // Keeps the focus (and the caret) in the text while picking with the mouse.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(p)}
              >
                @{p.name}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="modal__actions">
        {children}
        <button type="submit" className="button button--primary" disabled={!draft.trim()}>
          {t('comments.send')}
        </button>
      </div>
    </form>
  );
}
