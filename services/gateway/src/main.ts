import { createLogger } from '@grid-dispatch/logger';
import { openPlatform, runMain } from '@grid-dispatch/runtime';
import { loadGatewayConfig } from './config';
import { startGateway } from './gateway.service';

const config = loadGatewayConfig();
const logger = createLogger({ name: 'gateway', level: config.LOG_LEVEL });

runMain(logger, async () => {
  const platform = await openPlatform(config, logger, { service: 'gateway' });
  const gateway = await startGateway(platform, config);
  return {
    async stop() {
      await gateway.stop();
      await platform.close();
    },
  };
});
