import { createServer } from 'node:http';
import type { WeChatClient } from '@wxlocal/client';

/** The authorization-event URL on node:http. */
export function pushServer(client: WeChatClient) {
  const receive = client.pushReceiver({
    onAuthorization: async (event) => {
      if (event.InfoType === 'unauthorized') return; // revoked: the receiver has dropped its tokens
      await client.tokens.redeemAuthorizationCode(event.AuthorizationCode);
    },
    onError: (error, push) => console.error(`push ${push.InfoType} not handled:`, error),
  });
  return createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    // receive() never rejects: a failing handler goes to onError and WeChat still gets `success`.
    request.on('end', async () => {
      const query = new URL(request.url ?? '/', 'http://localhost').searchParams;
      const reply = await receive(query, Buffer.concat(chunks).toString());
      response.writeHead(reply.status, { 'content-type': 'text/plain' }).end(reply.body);
    });
  });
}
