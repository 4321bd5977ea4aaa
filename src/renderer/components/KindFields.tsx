import type * as Y from 'yjs';
import { setSectionFields, type Section, type SectionFields } from '../../core/index.ts';

const MIN_OPTIONS = 2;
const MAX_OPTIONS = 6;

/** The small form of a section kind's own fields: sponsor, poll, feedback, intro agenda. */
export function KindFields({ doc, section }: { doc: Y.Doc; section: Section }) {
  const set = (patch: Partial<SectionFields>) => setSectionFields(doc, section.id, patch);
  switch (section.kind) {
    case 'story':
    case 'roundup':
      // A roundup's items are part of its body: the editor below edits them.
      return null;
    case 'intro':
      return (
        <div className="kind-fields" role="group" aria-label="Intro settings">
          <label className="field">
            Agenda
            <select
              value={section.agenda}
              onChange={(e) => set({ agenda: e.target.value === 'manual' ? 'manual' : 'auto' })}
            >
              <option value="auto">Automatic: the titles of the other sections</option>
              <option value="manual">Manual: write it in the text</option>
            </select>
          </label>
        </div>
      );
    case 'sponsor':
      return (
        <div className="kind-fields grid" role="group" aria-label="Sponsor details">
          <Text label="Sponsor" value={section.sponsor} onChange={(sponsor) => set({ sponsor })} />
          <Text
            label="Link"
            value={section.url}
            placeholder="https://"
            onChange={(url) => set({ url })}
            type="url"
          />
          <Text
            label="Button label"
            value={section.cta}
            placeholder="Try it free"
            onChange={(cta) => set({ cta })}
          />
          <Text
            label="Disclosure"
            value={section.disclosure}
            placeholder="Sponsored by …"
            onChange={(disclosure) => set({ disclosure })}
          />
        </div>
      );
    case 'poll':
      return (
        <ChoiceFields
          group="Poll"
          ask={{ label: 'Question', value: section.question, set: (question) => set({ question }) }}
          item="Option"
          items={section.options}
          onItems={(options) => set({ options })}
          voteUrl={section.voteUrl}
          onVoteUrl={(voteUrl) => set({ voteUrl })}
        />
      );
    case 'feedback':
      return (
        <ChoiceFields
          group="Feedback"
          ask={{ label: 'Prompt', value: section.prompt, set: (prompt) => set({ prompt }) }}
          item="Choice"
          items={section.choices}
          onItems={(choices) => set({ choices })}
          voteUrl={section.voteUrl}
          onVoteUrl={(voteUrl) => set({ voteUrl })}
        />
      );
  }
}

/** A poll or a feedback block: the question, its 2 to 6 answers, and where votes go. */
function ChoiceFields(props: {
  group: string;
  ask: { label: string; value: string; set: (value: string) => void };
  item: string;
  items: string[];
  onItems: (items: string[]) => void;
  voteUrl: string;
  onVoteUrl: (url: string) => void;
}) {
  return (
    <div className="kind-fields" role="group" aria-label={props.group}>
      <Text label={props.ask.label} value={props.ask.value} onChange={props.ask.set} />
      <ListEditor label={props.item} items={props.items} onChange={props.onItems} />
      <Text
        label="Vote URL"
        value={props.voteUrl}
        placeholder="Publication default"
        onChange={props.onVoteUrl}
      />
    </div>
  );
}

// The field each labelled input edits, so Ctrl+Alt+M can comment on it (fieldComments.ts).
const COMMENT_FIELD: Record<string, string> = {
  Sponsor: 'sponsor',
  Link: 'url',
  'Button label': 'cta',
  Disclosure: 'disclosure',
  Question: 'question',
  Prompt: 'prompt',
  'Vote URL': 'voteUrl',
};

function Text(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  type?: 'text' | 'url';
}) {
  return (
    <label className="field">
      {props.label}
      <input
        type={props.type ?? 'text'}
        value={props.value}
        placeholder={props.placeholder}
        maxLength={500}
        data-comment-field={COMMENT_FIELD[props.label]}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}

/** Poll options or feedback choices: 2 to 6 lines, add and remove. */
function ListEditor(props: {
  label: string;
  items: string[];
  onChange: (items: string[]) => void;
}) {
  const { items } = props;
  return (
    <fieldset className="list-editor">
      <legend className="field">{props.label}s</legend>
      {items.map((item, i) => (
        <div key={i} className="row">
          <input
            className="input"
            aria-label={`${props.label} ${i + 1}`}
            value={item}
            maxLength={200}
            onChange={(e) => props.onChange(items.map((v, j) => (j === i ? e.target.value : v)))}
          />
          <button
            className="icon-btn"
            aria-label={`Remove ${props.label.toLowerCase()} ${i + 1}`}
            disabled={items.length <= MIN_OPTIONS}
            onClick={() => props.onChange(items.filter((_, j) => j !== i))}
          >
            ×
          </button>
        </div>
      ))}
      {items.length < MAX_OPTIONS && (
        <button className="btn small" onClick={() => props.onChange([...items, ''])}>
          + Add {props.label.toLowerCase()}
        </button>
      )}
    </fieldset>
  );
}
