import { createLogger } from '@grid-dispatch/logger';
import { openPlatform, runMain } from '@grid-dispatch/runtime';
import { loadSlaConfig } from './config';
import { startSla } from './sla.service';

const config = loadSlaConfig();
const logger = createLogger({ name: 'sla', level: config.LOG_LEVEL });

runMain(logger, async () => {
  const platform = await openPlatform(config, logger, { service: 'sla' });
  const sla = await startSla(platform, config);
  return {
    async stop() {
      await sla.stop();
      await platform.close();
    },
  };
});
