namespace AppBackend.Domain.Common;

/// <summary>Something that happened to an aggregate; raised by its transition methods, written by the unit of work.</summary>
public interface IDomainEvent;
