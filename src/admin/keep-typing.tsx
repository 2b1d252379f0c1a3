/**
 * A save the server refuses (a date it cannot read, a right the role lacks) keeps what was typed.
 * While a save is under way the Content Manager shows the typed values as the saved ones, and when
 * the save fails it puts the last saved values back, and the form with them: every field typed since
 * the last save was lost. This panel, which shows nothing, notices that round trip (the saved values
 * become the typed ones, then return to what they were) and puts the typing back beside the errors.
 */
import * as React from 'react';
import { useForm } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';

type Values = Record<string, unknown>;

/** Form values are plain JSON built the same way each time, so their text compares them. */
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Which language version of which document the values are of. */
const versionOf = (values: Values) => `${String(values.documentId)}/${String(values.locale)}`;

type Memory = { saved: Values; typed: Values; beforeLastChange?: { saved: Values; typed: Values } };

export const KeepTypingOnRefusal: PanelComponent = () => {
  const saved = useForm('KeepTypingOnRefusal', (state) => state.initialValues) as Values;
  const typed = useForm('KeepTypingOnRefusal', (state) => state.values) as Values;
  const setValues = useForm('KeepTypingOnRefusal', (state) => state.setValues);
  const memory = React.useRef<Memory>({ saved, typed });
  React.useEffect(() => {
    const seen = memory.current;
    if (saved !== seen.saved) {
      const previous = seen.beforeLastChange;
      const sameVersion = versionOf(saved) === versionOf(seen.saved);
      const refused = Boolean(previous) && sameVersion && same(saved, previous!.saved);
      if (refused && !same(previous!.typed, saved)) setValues(previous!.typed);
      seen.beforeLastChange = sameVersion && !refused ? { saved: seen.saved, typed: seen.typed } : undefined;
      seen.saved = saved;
    }
    seen.typed = typed;
  });
  return null;
};
