import { EDITOR_COLORS } from '../state/identity.ts';

/** Name input and colour swatches (a radio group), shared by first run and the profile popover. */
export function IdentityFields(props: {
  name: string;
  color: string;
  onName: (name: string) => void;
  onColor: (color: string) => void;
  autoFocus?: boolean;
}) {
  return (
    <>
      <label className="field">
        Your name
        <input
          value={props.name}
          maxLength={60}
          autoFocus={props.autoFocus}
          placeholder="e.g. Ada Lovelace"
          onChange={(e) => props.onName(e.target.value)}
        />
      </label>
      <fieldset className="swatches">
        <legend className="field">Your colour</legend>
        {EDITOR_COLORS.map((color) => (
          <label key={color} className="swatch" style={{ background: color }}>
            <input
              type="radio"
              name="editor-color"
              value={color}
              checked={props.color === color}
              onChange={() => props.onColor(color)}
              aria-label={`Colour ${color}`}
            />
          </label>
        ))}
      </fieldset>
    </>
  );
}
