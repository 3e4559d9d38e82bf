global using Coordinator.Kernel.Actor;
global using Coordinator.Kernel.TestKit;
global using Coordinator.Kernel.Tests.Actor;
