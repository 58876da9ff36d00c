// The language of the answer's messages (language.ts): each error's message in English or Vietnamese, as the
// request's Accept-Language prefers, and `extensions.localized` removed either way; the OAuth errors of the token
// endpoint (`error_description`) too. The last stage but the log: the audit records what was answered in English.
import type { GraphQLFormattedError } from 'graphql';
import { LOCALIZED_EXTENSION } from '@hub/schema';
import { stage, type Answer } from '../pipeline/stage';
import { preferredLanguage, spoken, translate } from '../language';

export const language = stage({
  name: 'language',
  phase: 'response',
  needs: ['http', 'sent'],
  provides: ['spoken'],
  create: ({ config }) => ({
    run({ http, sent }) {
      http.vary('Accept-Language');
      const body = sent.body as { errors?: unknown; error_description?: unknown } | null | undefined;
      if (!body || typeof body !== 'object') return { spoken: sent };
      const lang = preferredLanguage(http.header('accept-language'), config.defaultLanguage);
      if (Array.isArray(body.errors) && body.errors.length) {
        http.setHeader('Content-Language', lang);
        let changed = false;
        const errors = (body.errors as GraphQLFormattedError[]).map((e) => {
          const s = spoken(e, lang);
          changed ||= s !== e;
          return s;
        });
        return { spoken: changed ? ({ ...sent, body: { ...body, errors } } as Answer) : sent };
      }
      if (typeof body.error_description === 'string') {
        http.setHeader('Content-Language', lang);
        const { [LOCALIZED_EXTENSION]: localized, ...rest } = body as Record<string, unknown>;
        if (lang === 'en') return { spoken: localized === undefined ? sent : { ...sent, body: rest } };
        const vi = (localized as { error_description?: unknown } | undefined)?.error_description;
        const description = typeof vi === 'string' ? vi : (translate(body.error_description) ?? body.error_description);
        return { spoken: { ...sent, body: { ...rest, error_description: description } } };
      }
      return { spoken: sent };
    },
  }),
});
