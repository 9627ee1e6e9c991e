/**
 * `heterosynaptic`: multi-terminal systems (review Fig. 9, 10). (a) Devices sharing one pool
 * of mobile Li+ (LixMoS2, Zhu et al. 2019): competition and cooperation; (b) a planar
 * Ag-nanoparticle device with a modulatory terminal (Yang, Chen, Lu 2015): pulses-to-SET and
 * RESET rate against the modulatory bias.
 *
 * These systems need the multi-terminal models of the catalogue (`li-reservoir`,
 * `modulatory-filament`). Until they are registered the protocol reports that precisely.
 * @module protocols/heterosynaptic
 */
import { SpecError } from '../units/parse.js';
import { pp } from './params.js';
import { READ_PARAMS } from './common.js';
import type { Protocol } from './types.js';

export const heterosynapticProtocol: Protocol = {
  id: 'heterosynaptic',
  title: 'Heterosynaptic plasticity (multi-terminal)',
  figures: 'Fig. 9, 10',
  summary: 'shared Li+ pool (competition, cooperation; total ions conserved) or a modulatory terminal (pulses-to-SET vs bias)',
  params: [pp('mode', 'competition', 'dimensionless', '1', 'experiment', { choices: ['competition', 'cooperation', 'modulation'] }), ...READ_PARAMS],
  run(ctx) {
    throw new SpecError('device', ctx.device.preset?.id ?? ctx.device.model.id, 'a multi-terminal preset (limos2-zhu2019 or ag-np-yang2015; not in the catalogue of this build)');
  },
};
