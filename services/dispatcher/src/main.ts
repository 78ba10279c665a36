import { createLogger } from '@grid-dispatch/logger';
import { openPlatform, runMain } from '@grid-dispatch/runtime';
import { loadDispatcherConfig } from './config';
import { startDispatcher } from './dispatcher.service';

const config = loadDispatcherConfig();
const logger = createLogger({ name: 'dispatcher', level: config.LOG_LEVEL });

runMain(logger, async () => {
  const platform = await openPlatform(config, logger, { service: 'dispatcher' });
  const dispatcher = await startDispatcher(platform);
  return {
    async stop() {
      await dispatcher.stop();
      await platform.close();
    },
  };
});
