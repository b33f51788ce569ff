import { request, type Agent } from 'node:http';

/**
 * One request of a simulated device, through node:http on `agent`: the benches' devices are
 * other machines, and fetch's web streams cost the bench process more CPU than the server spent
 * answering. A body goes with its length, as a browser's fetch sends a string.
 */
export function httpCall(
  url: string,
  { method = 'GET', token, body, agent }: { method?: 'GET' | 'POST'; token: string; body?: unknown; agent: Agent },
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const sent = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string | number> = { Authorization: `Bearer ${token}` };
    if (sent !== undefined) Object.assign(headers, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(sent) });
    const req = request(url, { method, agent, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      response.on('error', reject);
    });
    req.on('error', reject);
    req.end(sent);
  });
}
