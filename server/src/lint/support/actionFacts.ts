// What rules ask of each entry of an Action or NotAction list (its service, whether it holds a
// wildcard, the action it names), answered once per list. A large managed policy lists hundreds
// of actions, and half a dozen rules ask the same questions of each.
import type { ActionInfo, IamData } from '../../data/iamData';
import { hasWildcard } from '../../iam/wildcard';
import type { ScalarValue, StringListElement } from '../../policy/model';

export interface ActionFact {
  /** The entry; only string entries have facts. */
  value: ScalarValue;
  text: string;
  /** The entry in lower case (actions are case-insensitive). */
  lower: string;
  /** Where the first colon is, or -1. */
  colon: number;
  /** The service part as written (`''` without a colon), and in lower case. */
  service: string;
  serviceLower: string;
  /** `*` or `?` in the service part; in the whole entry. */
  wildcardService: boolean;
  wildcard: boolean;
  /** Holds a policy variable (`${…}`). */
  hasVariable: boolean;
  /** A service the reference knows, written without wildcards. */
  serviceKnown: boolean;
  /** The action named, for an entry with a colon and no wildcard that the reference knows. */
  info: ActionInfo | undefined;
}

interface Cached {
  data: IamData;
  facts: ActionFact[];
}

const cache = new WeakMap<StringListElement, Cached>();
const NONE: readonly ActionFact[] = [];

/** Facts of the list's string entries, in order. */
export function actionFacts(list: StringListElement | undefined, data: IamData): readonly ActionFact[] {
  if (!list) return NONE;
  const hit = cache.get(list);
  if (hit && hit.data === data) return hit.facts;
  const facts: ActionFact[] = [];
  for (const value of list.values) {
    if (value.jsonType !== 'string') continue;
    const t = textFacts(value.text, data);
    facts.push({
      value,
      text: t.text,
      lower: t.lower,
      colon: t.colon,
      service: t.service,
      serviceLower: t.serviceLower,
      wildcardService: t.wildcardService,
      wildcard: t.wildcard,
      hasVariable: t.hasVariable,
      serviceKnown: t.serviceKnown,
      info: t.info,
    });
  }
  cache.set(list, { data, facts });
  return facts;
}

type TextFacts = Omit<ActionFact, 'value'>;

/**
 * What an action's text says, kept by text for each reference: a run over many policies (the
 * CLI over 1,600 managed policies) meets the same few thousand actions again and again.
 */
const byText = new WeakMap<IamData, Map<string, TextFacts>>();
const TEXTS_KEPT = 50_000;

function textFacts(text: string, data: IamData): TextFacts {
  let known = byText.get(data);
  if (!known) byText.set(data, (known = new Map()));
  let t = known.get(text);
  if (t) return t;
  const lower = text.toLowerCase();
  const colon = text.indexOf(':');
  const service = colon < 0 ? '' : text.slice(0, colon);
  // Lower-casing keeps offsets for every action name AWS uses; a text where it does not is split first.
  const sameShape = lower.length === text.length;
  const serviceLower = colon < 0 ? '' : sameShape ? lower.slice(0, colon) : service.toLowerCase();
  const wildcardService = hasWildcard(service);
  const wildcard = wildcardService || hasWildcard(text);
  t = {
    text,
    lower,
    colon,
    service,
    serviceLower,
    wildcardService,
    wildcard,
    hasVariable: text.includes('${'),
    serviceKnown: colon >= 0 && !wildcardService && data.serviceExistsLower(serviceLower),
    info: colon >= 0 && !wildcard ? data.actionFromLowerParts(serviceLower, sameShape ? lower.slice(colon + 1) : text.slice(colon + 1).toLowerCase()) : undefined,
  };
  if (known.size >= TEXTS_KEPT) known.clear();
  known.set(text, t);
  return t;
}
