import { createLogger } from '@grid-dispatch/logger';
import { openPlatform, runMain } from '@grid-dispatch/runtime';
import { loadLiveConfig } from './config';
import { startLive } from './live.service';

const config = loadLiveConfig();
const logger = createLogger({ name: 'live', level: config.LOG_LEVEL });

runMain(logger, async () => {
  const platform = await openPlatform(config, logger, { service: 'live' });
  const live = await startLive(platform, config);
  return {
    async stop() {
      await live.stop();
      await platform.close();
    },
  };
});
