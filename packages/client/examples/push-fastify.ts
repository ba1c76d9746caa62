import type { WeChatClient } from '@wxlocal/client';
import Fastify from 'fastify';

/** The authorization-event URL on Fastify. */
export function pushApp(client: WeChatClient) {
  const receive = client.pushReceiver({
    onAuthorization: async (event) => {
      if (event.InfoType === 'unauthorized') return; // revoked: the receiver has dropped its tokens
      await client.tokens.redeemAuthorizationCode(event.AuthorizationCode);
    },
    onError: (error, push) => console.error(`push ${push.InfoType} not handled:`, error),
  });
  const app = Fastify();
  // WeChat posts its XML as text/xml: hand it over as the string it is.
  app.addContentTypeParser('text/xml', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.post('/wechat/auth-event', async (request, reply) => {
    const answer = await receive(request.query as Record<string, unknown>, String(request.body));
    return reply.code(answer.status).type('text/plain').send(answer.body);
  });
  return app;
}
