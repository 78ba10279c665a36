import { createLogger } from '@grid-dispatch/logger';
import { openPlatform, runMain } from '@grid-dispatch/runtime';
import { loadKpiConfig } from './config';
import { startKpi } from './kpi.service';

const config = loadKpiConfig();
const logger = createLogger({ name: 'kpi', level: config.LOG_LEVEL });

runMain(logger, async () => {
  const platform = await openPlatform(config, logger, { service: 'kpi', relay: false });
  const kpi = await startKpi(platform, config);
  return {
    async stop() {
      await kpi.stop();
      await platform.close();
    },
  };
});
