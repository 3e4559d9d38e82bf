global using Coordinator.Kernel.Actor;
global using Coordinator.Kernel.TestKit;
