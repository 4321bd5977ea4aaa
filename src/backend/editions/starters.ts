import { emptyBody, restoreEdition, type Edition } from '../../core/index.ts';
import sample from '../../../resources/sample-edition.json' with { type: 'json' };

/** The sample edition every new database starts with (a realistic issue using every feature). */
export function sampleEdition(): Edition {
  return restoreEdition(structuredClone(sample));
}

/** A blank edition: an intro with an automatic agenda and one empty story to start typing in. */
export function blankEdition(): Edition {
  return restoreEdition({
    title: 'Untitled edition',
    status: 'draft',
    sections: [
      { kind: 'intro', title: 'Intro', agenda: 'auto', body: emptyBody() },
      { kind: 'story', title: 'Untitled story', body: emptyBody() },
    ],
  });
}
