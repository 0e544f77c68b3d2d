/** Files handed in: the content-addressed store and taking in an upload. */
export * from './file-store';
export * from './uploads';
export * from './multer-storage';
