// A stand-in for an intranet's own huddle API, the one examples/fetch-store.js talks to: the
// demo organisation in memory; GET /host-api/records returns it, POST /host-api/batch checks
// a batch whole with the package's rules and stores it all or nothing.
import { generateDemoOrganisation } from '../../dist/lib/demo/index.js';
import { ENTITY_KINDS, localDay, problemText, useProblemWords, validateRecord } from '../../dist/lib/model/index.js';

// The intranet's API answers in English, like the sync server.
useProblemWords(problemText);

export function createHostApi() {
  const data = generateDemoOrganisation({ today: localDay() });
  const batches = [];
  const send = (response, status, body) => {
    response.statusCode = status;
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify(body));
  };
  return {
    data,
    batches,
    /** Answers a request under /host-api/; false when the path is not ours. */
    async handle(request, response, path) {
      if (path === '/host-api/records' && request.method === 'GET') return (send(response, 200, data), true);
      if (path !== '/host-api/batch' || request.method !== 'POST') return false;
      let body = '';
      for await (const chunk of request) body += chunk;
      let changes;
      try {
        changes = JSON.parse(body);
        if (!Array.isArray(changes)) throw new Error('a batch is a list of {kind, record}');
        for (const [i, change] of changes.entries()) {
          if (!ENTITY_KINDS.includes(change?.kind)) throw new Error(`change ${i}: unknown kind ${change?.kind}`);
          validateRecord(change.kind, change.record);
        }
      } catch (error) {
        return (send(response, 400, { error: `The intranet refused the change: ${error.message}` }), true);
      }
      for (const { kind, record } of changes) {
        const list = data[kind];
        const index = list.findIndex((r) => r.id === record.id);
        if (index >= 0) list[index] = record;
        else list.push(record);
      }
      batches.push(changes);
      return (send(response, 200, { stored: changes.length }), true);
    },
  };
}
