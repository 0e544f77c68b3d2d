export * from './data-source';
export * from './entities/programme.entity';
export * from './entities/setting.entity';
