export * from './spans';
export * from './bookings';
export * from './office-hours';
export * from './free-time';
export * from './templates';
export * from './openings';
export * from './describe';
export * from './room-openings';
