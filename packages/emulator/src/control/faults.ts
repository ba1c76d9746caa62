import type { ErrCode } from '@wxlocal/api';
import { endpointList, errors } from '@wxlocal/api';
import type { FastifyInstance } from 'fastify';
import { ControlError } from '../core/index.js';
import type { Runtime } from '../runtime.js';
import { FaultBody, parseBody, readJson } from './body.js';

/** Faults on the control plane: the next `count` calls of an endpoint answer `errcode`. */
export function registerFaultControl(cp: FastifyInstance, { faults }: Runtime): void {
  cp.get('/faults', async () => ({ faults: faults.list() }));

  cp.post('/faults', async (request, reply) => {
    const body = parseBody(FaultBody, readJson(request));
    const endpoint = endpointList.find(
      (candidate) => candidate.name === body.endpoint || candidate.path === body.endpoint,
    );
    if (!endpoint)
      throw new ControlError(400, `unknown endpoint: ${body.endpoint} (an interface name or a path)`);
    if (!Object.hasOwn(errors, String(body.errcode))) {
      throw new ControlError(400, `errcode ${body.errcode} is not in the error catalogue`);
    }
    return reply.code(201).send(faults.arm(endpoint.name, body.errcode as ErrCode, body.count ?? 1));
  });

  cp.delete('/faults', async () => {
    faults.clear();
    return { faults: [] };
  });
}
