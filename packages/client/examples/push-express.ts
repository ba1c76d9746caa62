import type { WeChatClient } from '@wxlocal/client';
import express from 'express';

/** The authorization-event URL on Express. */
export function pushApp(client: WeChatClient) {
  const receive = client.pushReceiver({
    onAuthorization: async (event) => {
      if (event.InfoType === 'unauthorized') return; // revoked: the receiver has dropped its tokens
      await client.tokens.redeemAuthorizationCode(event.AuthorizationCode);
    },
    onError: (error, push) => console.error(`push ${push.InfoType} not handled:`, error),
  });
  const app = express();
  app.post('/wechat/auth-event', express.text({ type: '*/*' }), async (request, response) => {
    const reply = await receive(request.query, request.body);
    response.status(reply.status).type('text/plain').send(reply.body);
  });
  return app;
}
